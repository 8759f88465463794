/** "Có phiên bản mới": the reader decides when the app updates. */
export interface UpdatePromptProps {
  text: string;
  acceptLabel: string;
  laterLabel: string;
  onAccept(): void;
  onLater(): void;
}

export function UpdatePrompt(p: UpdatePromptProps) {
  return (
    <div class="notice update-prompt" role="alert">
      <p>{p.text}</p>
      <div class="button-row button-row--inline">
        <button type="button" class="button button--primary" onClick={p.onAccept}>
          {p.acceptLabel}
        </button>
        <button type="button" class="button" onClick={p.onLater}>
          {p.laterLabel}
        </button>
      </div>
    </div>
  );
}
