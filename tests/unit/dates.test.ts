import { describe, expect, it } from 'vitest';
import { formatVietnamTime, toVietnamIso } from '../../src/i18n/dates';

describe('Vietnam time', () => {
  it('writes the portal form whatever the machine zone', () => {
    const ms = Date.parse('2024-01-30T07:23:00+07:00');
    expect(formatVietnamTime(ms)).toBe('07:23 30/01/2024');
    expect(toVietnamIso(ms)).toBe('2024-01-30T07:23:00+07:00');
  });

  it('crosses midnight and year ends from UTC', () => {
    const ms = Date.parse('2025-12-31T18:05:09Z');
    expect(formatVietnamTime(ms)).toBe('01:05 01/01/2026');
    expect(toVietnamIso(ms)).toBe('2026-01-01T01:05:09+07:00');
  });

  it('agrees with the platform time zone database', () => {
    const fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      hour: '2-digit',
      minute: '2-digit',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hourCycle: 'h23',
    });
    for (let ms = Date.UTC(1990, 0, 1); ms < Date.UTC(2030, 0, 1); ms += 86_400_000 * 97 + 3_600_000 * 5) {
      const p = Object.fromEntries(fmt.formatToParts(ms).map((x) => [x.type, x.value]));
      expect(formatVietnamTime(ms)).toBe(`${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`);
    }
  });
});
