/** Text with the parts that matched the search wrapped in <mark>. */
export function Highlighted({ parts }: { parts: { text: string; match: boolean }[] }) {
  return <>{parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : p.text))}</>;
}
