// Message text as React text nodes: links become clickable, `@[Name](user:ID)` mention markup shows
// as "@Name", line breaks are kept by CSS. Nothing in a message is ever parsed as HTML.
const TOKEN = /(@\[([^\]\n]{1,100})\]\(user:(\d{1,10})\))|(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]])/g;

export const MessageText = ({ text }: { text: string }) => {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const index = match.index ?? 0;
    if (index > last) parts.push(text.slice(last, index));
    if (match[1]) {
      parts.push(
        <span key={index} data-mention={match[3]} className="rounded bg-brand-100 px-1 font-semibold text-brand-700">
          @{match[2]}
        </span>,
      );
    } else {
      parts.push(
        <a key={index} href={match[4]} target="_blank" rel="noopener noreferrer nofollow" className="break-all underline">
          {match[4]}
        </a>,
      );
    }
    last = index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <p className="break-words whitespace-pre-wrap">{parts}</p>;
};
