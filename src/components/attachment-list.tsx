/** "File đính kèm": each file's title, type and size, whether it is on the phone, and what to do. */

export type FileStatus =
  | { kind: 'stored'; openHref: string; fileName: string }
  | { kind: 'downloading'; percent?: number; label: string }
  | { kind: 'waiting'; label: string }
  | { kind: 'failed'; label: string }
  | { kind: 'none' };

export interface FileEntry {
  url: string;
  title: string;
  typeLabel: string;
  sizeLabel: string;
  status: FileStatus;
}

export interface AttachmentListProps {
  heading: string;
  files: FileEntry[];
  labels: { stored: string; openFile: string; download: string; openOnline: string; retry: string };
  onDownload(url: string): void;
}

export function AttachmentList({ heading, files, labels, onDownload }: AttachmentListProps) {
  return (
    <section class="article__files" aria-labelledby="files-heading">
      <h2 id="files-heading">{heading}</h2>
      <ul class="files">
        {files.map((f) => (
          <li key={f.url} class={`file file--${f.status.kind}`}>
            <span class="file__title">{f.title}</span>
            <span class="file__meta">
              {f.typeLabel} · {f.sizeLabel}
              {f.status.kind === 'stored' && <span class="file__stored"> · ✓ {labels.stored}</span>}
            </span>
            {f.status.kind === 'downloading' && (
              <span class="file__progress">
                <progress max={100} value={f.status.percent} aria-label={f.status.label} />
                <span>{f.status.label}</span>
              </span>
            )}
            {(f.status.kind === 'waiting' || f.status.kind === 'failed') && (
              <span class={f.status.kind === 'failed' ? 'file__error' : 'file__note'}>{f.status.label}</span>
            )}
            <span class="file__actions">
              {f.status.kind === 'stored' ? (
                <a class="button" href={f.status.openHref} target="_blank" rel="noopener" data-file-name={f.status.fileName}>
                  {labels.openFile}
                </a>
              ) : (
                <>
                  {f.status.kind !== 'downloading' && (
                    <button type="button" class="button" onClick={() => onDownload(f.url)}>
                      {f.status.kind === 'failed' ? labels.retry : labels.download}
                    </button>
                  )}
                  <a class="button button--quiet" href={f.url} target="_blank" rel="noopener noreferrer">
                    {labels.openOnline}
                  </a>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
