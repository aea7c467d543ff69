// GraphiQL (browser): the toolbar's "Copy link" button — copies the share link of the active
// tab's query and variables, and shows it, so it can be copied by hand where the clipboard is
// refused (an insecure origin, a browser policy).
import { ToolbarButton, useEditorContext } from '@graphiql/react';
import { useState } from 'react';
import { shareLink } from './share-link.js';

export function CopyLinkButton({ pagePath }: { pagePath: string }) {
  const editor = useEditorContext({ nonNull: true });
  const [copied, setCopied] = useState<{ link: string; onClipboard: boolean } | null>(null);

  const copy = async () => {
    const link = shareLink(window.location.origin, pagePath, {
      query: editor.queryEditor?.getValue() ?? '',
      variables: editor.variableEditor?.getValue() ?? '',
    });
    const onClipboard = await navigator.clipboard.writeText(link).then(
      () => true,
      () => false,
    );
    setCopied({ link, onClipboard });
  };

  return (
    <>
      <ToolbarButton label="Copy link to this query" onClick={() => void copy()}>
        <LinkIcon />
      </ToolbarButton>
      {copied && (
        <div className="armstrail-toast" role="status">
          <span>{copied.onClipboard ? 'Link copied:' : 'Copy this link:'}</span>
          <input
            readOnly
            aria-label="Share link"
            value={copied.link}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" onClick={() => setCopied(null)}>
            Close
          </button>
        </div>
      )}
    </>
  );
}

function LinkIcon() {
  return (
    <svg
      className="graphiql-toolbar-icon"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      aria-hidden
    >
      <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
    </svg>
  );
}
