/** Källor: the documents a fact comes from, linked where the hub knows their address. */
export interface SourceLike {
  title: string;
  publishedOn?: string | null;
  url?: string | null;
  note?: string | null;
}

export function SourceLink({ source }: { source: SourceLike }) {
  const text = `${source.title}${source.publishedOn ? ` (${source.publishedOn})` : ''}`;
  return source.url ? (
    <a href={source.url} rel="noreferrer noopener">
      {text}
    </a>
  ) : (
    <cite>{text}</cite>
  );
}

export function Sources({ sources }: { sources: SourceLike[] }) {
  if (!sources.length) return <p class="sources">Källa: navet anger ingen.</p>;
  return (
    <div class="sources">
      <span>{sources.length === 1 ? 'Källa: ' : 'Källor: '}</span>
      <ul>
        {sources.map((source) => (
          <li>
            <SourceLink source={source} />
            {source.note && <span class="note"> — {source.note}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
