// GraphiQL share links and the tab a page opens on: the browser modules' logic, run in Node.
// (The browser test follows the same links in Chromium.)
import { describe, expect, it } from 'vitest';
import { initialTab } from '../src/graphiql/browser/initial-tab.js';
import { exampleLink, sharedOperation, shareLink } from '../src/graphiql/browser/share-link.js';
import { graphiqlExamples } from '../src/graphiql/examples.js';

const kazan = graphiqlExamples[0]!;
const noStorage = { getItem: () => null };
const storageWith = (value: unknown) => ({ getItem: () => JSON.stringify(value) });

describe('GraphiQL share links', () => {
  it('round-trips a query and its variables through a link', () => {
    const operation = { query: 'query Q($c: String!) { a(b: $c) }', variables: '{"c": "ML & BF"}' };
    const link = shareLink('http://host:4000', '/graphql', operation);
    expect(link.startsWith('http://host:4000/graphql?query=')).toBe(true);
    expect(sharedOperation(new URL(link).search, graphiqlExamples)).toEqual(operation);
    // No variables, no `variables` parameter: the link of a Deal.howToCite query.
    expect(shareLink('', '/graphql', { query: '{ a }', variables: ' ' })).toBe(
      '/graphql?query=%7B+a+%7D',
    );
  });

  it('opens every example by its stable link or its id, and nothing for an unknown one', () => {
    const links = graphiqlExamples.map((e) => e.link);
    expect(new Set(links).size).toBe(links.length);
    expect(kazan.link).toBe('kazan');
    for (const example of graphiqlExamples) {
      const link = new URL(exampleLink('http://h', '/graphql', example));
      expect(sharedOperation(link.search, graphiqlExamples)?.query).toBe(example.query);
      expect(sharedOperation(`?example=${example.id}`, graphiqlExamples)?.query).toBe(
        example.query,
      );
    }
    expect(sharedOperation('?example=nothing', graphiqlExamples)).toBeNull();
    expect(sharedOperation('?query=', graphiqlExamples)).toBeNull();
  });
});

describe('the tab GraphiQL opens on', () => {
  const stored = {
    activeTabIndex: 1,
    tabs: [
      {
        id: 'a',
        title: 'A',
        query: '{ a }',
        variables: null,
        headers: null,
        operationName: null,
        response: null,
      },
      {
        id: 'b',
        title: 'B',
        query: '{ b }',
        variables: '{}',
        headers: null,
        operationName: null,
        response: null,
      },
    ],
  };

  it('is the first example on a first visit', () => {
    expect(initialTab('', graphiqlExamples, noStorage)).toEqual({
      operation: { query: kazan.query, variables: '' },
      fromUrl: false,
    });
  });

  it('is the stored active tab on a reload, so GraphiQL adds no tab', () => {
    expect(initialTab('', graphiqlExamples, storageWith(stored)).operation).toEqual({
      query: '{ b }',
      variables: '{}',
    });
    // Unreadable storage: as on a first visit.
    expect(initialTab('', graphiqlExamples, { getItem: () => '{' }).operation?.query).toBe(
      kazan.query,
    );
  });

  it("is the link's operation when the URL names one", () => {
    expect(initialTab('?query=%7B+c+%7D', graphiqlExamples, storageWith(stored))).toEqual({
      operation: { query: '{ c }', variables: '' },
      fromUrl: true,
    });
  });
});
