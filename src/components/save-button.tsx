/** "Lưu để đọc offline": a toggle whose pressed state screen readers announce. */
export function SaveButton({ saved, label, savedLabel, onToggle }: { saved: boolean; label: string; savedLabel: string; onToggle(): void }) {
  return (
    <button type="button" class={`button save-button${saved ? ' save-button--on' : ''}`} aria-pressed={saved} onClick={onToggle}>
      <span aria-hidden="true">{saved ? '★' : '☆'}</span> {saved ? savedLabel : label}
    </button>
  );
}
