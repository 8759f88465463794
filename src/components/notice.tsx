/** A message the reader must see once (something could not be kept), with a dismiss button. */
export function Notice({ text, dismissLabel, onDismiss }: { text: string; dismissLabel: string; onDismiss(): void }) {
  return (
    <div class="notice" role="alert">
      <p>{text}</p>
      <button type="button" class="button" onClick={onDismiss}>
        {dismissLabel}
      </button>
    </div>
  );
}
