/** Attachment entries for the article screen: what is stored, downloading, waiting or failed. */
import type { FileEntry, FileStatus } from '../components/attachment-list';
import type { Attachment } from '../feed/types';
import { formatBytes, type Lang } from '../i18n';
import type { AllStrings as Strings } from '../i18n/screens';
import { formatVietnamTime } from '../i18n/dates';
import { FILE_ROUTE } from '../shared/constants';
import type { DownloadsSnapshot } from '../state/downloads-state';
import { fileNameOf } from './present';

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

/** The attachment's title as a file name the phone accepts, with its extension. */
export function downloadName(f: Attachment): string {
  const fromUrl = fileNameOf(f.url);
  const ext = EXTENSIONS[f.mimeType] ?? (/\.([a-z0-9]{1,5})$/i.exec(fromUrl)?.[1] ?? '');
  const base = (f.title ?? fromUrl.replace(/\.[a-z0-9]{1,5}$/i, '')).replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').trim().slice(0, 150);
  return ext && !base.toLowerCase().endsWith(`.${ext.toLowerCase()}`) ? `${base}.${ext}` : base;
}

/** Where the worker serves the stored bytes, named after the attachment's title. */
export function storedFileHref(f: Attachment): string {
  return `${FILE_ROUTE}${encodeURIComponent(f.url)}?name=${encodeURIComponent(downloadName(f))}`;
}

export function toFileEntries(files: Attachment[], dl: DownloadsSnapshot, s: Strings, lang: Lang): FileEntry[] {
  return files.map((f) => ({
    url: f.url,
    title: f.title ?? fileNameOf(f.url),
    typeLabel: fileTypeLabel(f.mimeType, s),
    sizeLabel: f.sizeInBytes === undefined ? s.unknownSize : formatBytes(f.sizeInBytes, lang),
    status: statusOf(f, dl, s, lang),
  }));
}

function statusOf(f: Attachment, dl: DownloadsSnapshot, s: Strings, lang: Lang): FileStatus {
  if (dl.stored.has(f.url)) return { kind: 'stored', openHref: storedFileHref(f), fileName: downloadName(f) };
  const progress = dl.progress.get(f.url);
  const job = dl.jobs.get(f.url);
  if (progress || job?.state === 'active') {
    const total = progress?.total ?? f.sizeInBytes;
    const percent = progress && total ? Math.min(100, Math.floor((progress.received / total) * 100)) : undefined;
    const done = percent !== undefined ? `${percent}%` : formatBytes(progress?.received ?? 0, lang);
    return { kind: 'downloading', percent, label: s.downloading(done) };
  }
  if (!job) return { kind: 'none' };
  if (job.lastError) {
    const why = `${s.downloadFailed}: ${s.failureReasons[job.lastError]}.`;
    const retry = job.state === 'queued' ? ` ${s.willRetry(formatVietnamTime(job.nextAttemptAt))}` : '';
    return { kind: 'failed', label: why + retry };
  }
  return { kind: 'waiting', label: job.origin === 'reader' ? s.queued : s.waitingAuto };
}

/** Names of office formats, the same in every language. */
const FILE_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.ms-excel': 'Excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
};

/** "PDF", "Word", "Ảnh"…: a short, familiar name for a MIME type. */
export function fileTypeLabel(mime: string, s: Strings): string {
  const known = FILE_TYPES[mime];
  if (known) return known;
  const [kind, sub] = mime.split('/');
  if (kind === 'image' || kind === 'audio' || kind === 'video') return `${s.fileKinds[kind]} ${sub?.toUpperCase() ?? ''}`.trim();
  return sub && sub !== 'octet-stream' && sub.length <= 8 ? sub.toUpperCase() : s.fileKinds.other;
}

