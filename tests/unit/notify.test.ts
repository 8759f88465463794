import { describe, expect, it } from 'vitest';
import { toStored } from '../../src/db/write';
import { parseFeed } from '../../src/feed/parse';
import { planNotifications, showNotifications } from '../../src/notify/notify';
import { vi } from '../../src/i18n/vi';
import { makeItem } from '../fixtures/feeds';

const strings = { urgentPrefix: vi.notifyUrgent, newArticles: vi.notifyNewArticles };
const articles = (items: Record<string, unknown>[]) =>
  parseFeed({ version: 'https://jsonfeed.org/version/1.1', items }, 'https://p.vn/feed.json').articles.map((a) => toStored(a, 1));
const urgent = (n: number) => makeItem(n, { title: `Cảnh báo lũ ${n}`, _portal: { priority: 'urgent' } });

describe('notifications for new articles', () => {
  it('urgent items notify one by one, always; ordinary news stays quiet unless the reader asked', () => {
    const list = planNotifications(articles([urgent(1), makeItem(2), urgent(3), makeItem(4)]), false, strings);
    expect(list.map((n) => n.title)).toEqual(['Tin khẩn: Cảnh báo lũ 1', 'Tin khẩn: Cảnh báo lũ 3']);
    expect(list[0]!.options).toMatchObject({ tag: 'urgent:test-1', requireInteraction: true, data: { url: '/article/test-1' } });
  });

  it('ordinary news, when turned on, is one grouped notification however many arrive', () => {
    const list = planNotifications(articles([makeItem(1), makeItem(2), makeItem(3), makeItem(4), urgent(5)]), true, strings);
    expect(list).toHaveLength(2);
    const grouped = list[1]!;
    expect(grouped.title).toBe('Có 4 bài mới');
    expect(grouped.options.tag).toBe('news');
    expect(grouped.options.data.url).toBe('/');
    expect(String(grouped.options.body).split('\n')).toHaveLength(3);
  });

  it('a single ordinary article notifies with its own title and opens it', () => {
    const [one] = planNotifications(articles([makeItem(7, { id: 'tin/7 ?' })]), true, strings);
    expect(one!.title).toBe(String(makeItem(7).title));
    expect(one!.options.data.url).toBe(`/article/${encodeURIComponent('tin/7 ?')}`);
  });

  it('nothing new, nothing shown; a refused permission is not an error', async () => {
    expect(planNotifications([], true, strings)).toEqual([]);
    const target = { showNotification: () => Promise.reject(new TypeError('No notification permission has been granted')) };
    expect(await showNotifications(target, planNotifications(articles([urgent(1)]), false, strings))).toBe(0);
  });
});
