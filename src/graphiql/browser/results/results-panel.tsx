// GraphiQL (browser): the results bar above the answer — JSON, Table or Chart view of the
// answer in the result pane, "Copy" for the JSON, "Download CSV" for the table, and the switch
// for the cost block. Rendered as GraphiQL's footer, which the stylesheet moves above the
// answer; the Table and Chart views take the answer's place while chosen.
import { useEditorContext } from '@graphiql/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ChartView } from './chart-view.js';
import { chartOf } from './chart-data.js';
import { costShown, setCostShown } from './cost-block.js';
import { download } from './download.js';
import { findLists, tableOf, toCsv, type Json } from './table-data.js';
import { TableView } from './table-view.js';

type View = 'json' | 'table' | 'chart';

export function ResultsPanel() {
  const { responseEditor } = useEditorContext({ nonNull: true });
  const [text, setText] = useState('');
  const [view, setView] = useState<View>('json');
  const [listIndex, setListIndex] = useState(0);
  const [showCost, setShowCost] = useState(costShown());
  const [status, setStatus] = useState('');
  const bar = useRef<HTMLDivElement>(null);

  // The result pane's text is the answer: follow it (a run, a tab switch, the cost toggle).
  useEffect(() => {
    if (!responseEditor) return;
    const update = () => setText(responseEditor.getValue());
    update();
    responseEditor.on('change', update);
    return () => responseEditor.off('change', update);
  }, [responseEditor]);

  const lists = useMemo(() => {
    try {
      const answer = JSON.parse(text) as { data?: Json };
      return answer.data ? findLists(answer.data) : [];
    } catch {
      return [];
    }
  }, [text]);
  const list = lists[Math.min(listIndex, lists.length - 1)];
  const table = useMemo(() => (list ? tableOf(list.items) : null), [list]);
  const chart = useMemo(() => (list ? chartOf(list.items) : null), [list]);
  const shownView: View =
    view === 'table' && table ? 'table' : view === 'chart' && chart ? 'chart' : 'json';

  // The pane's own answer is hidden while another view takes its place.
  useEffect(() => {
    bar.current?.closest('.graphiql-response')?.setAttribute('data-armstrail-view', shownView);
  }, [shownView]);

  const say = (message: string) => {
    setStatus(message);
    setTimeout(() => setStatus((current) => (current === message ? '' : current)), 4000);
  };
  const copyJson = () =>
    void navigator.clipboard.writeText(text).then(
      () => say('JSON copied'),
      () => say('The browser refused the clipboard: select the JSON and copy it by hand'),
    );
  const downloadCsv = () => {
    if (!table || !list) return;
    download(`armstrail-${list.label}.csv`, 'text/csv;charset=utf-8', toCsv(table));
    say(`CSV of ${table.rows.length} rows downloaded`);
  };
  const toggleCost = (show: boolean) => {
    setShowCost(show);
    const rewritten = setCostShown(show, responseEditor?.getValue() ?? '');
    if (rewritten !== null) responseEditor?.setValue(rewritten);
    else if (text) say('Applies to the next run');
  };

  return (
    <div className="armstrail-results" ref={bar}>
      <div className="armstrail-results-bar" role="toolbar" aria-label="Result views">
        <div className="armstrail-view-switch" role="group" aria-label="View">
          {(['json', 'table', 'chart'] as const).map((name) => (
            <button
              key={name}
              type="button"
              aria-pressed={shownView === name}
              disabled={(name === 'table' && !table) || (name === 'chart' && !chart)}
              onClick={() => setView(name)}
            >
              {name === 'json' ? 'JSON' : name === 'table' ? 'Table' : 'Chart'}
            </button>
          ))}
        </div>
        {lists.length > 1 && (
          <label className="armstrail-list-choice">
            List{' '}
            <select
              value={listIndex}
              onChange={(event) => setListIndex(Number(event.target.value))}
            >
              {lists.map((l, index) => (
                <option key={l.label} value={index}>
                  {l.label} ({l.items.length})
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" onClick={copyJson} disabled={!text}>
          Copy JSON
        </button>
        <button type="button" onClick={downloadCsv} disabled={!table}>
          Download CSV
        </button>
        <label className="armstrail-cost-toggle">
          <input
            type="checkbox"
            checked={showCost}
            onChange={(event) => toggleCost(event.target.checked)}
          />
          Show cost
        </label>
        <span className="armstrail-results-status" role="status">
          {status}
        </span>
      </div>
      {shownView === 'table' && table && list && <TableView table={table} label={list.label} />}
      {shownView === 'chart' && chart && list && <ChartView chart={chart} label={list.label} />}
    </div>
  );
}
