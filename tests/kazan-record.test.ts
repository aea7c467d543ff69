import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './support/graphql/index.js';
import { createTestApi, dataOf, type TestApi } from './support/test-api.js';

// The query from the foundation issue's "Done when", verbatim but for the name a typed document
// needs (and kept on one line as the issue wrote it).
// prettier-ignore
const KAZAN_QUERY = graphql(`query KazanRecordIssueQuery { deals(filter: { recipientCountry: ["MLI"], stage: [REPORTED_INTEREST] }) { totalCount edges { node { id stage supplier { name } recipient { name } items { platform { designation family { designation } } } events { type date { iso } } citations { excerpt source { url language } } } } } }`);

describe('the seeded Kazan/Mali record', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.close());

  it('answers the issue query with both parties, both helicopters, the visit and three sources', async () => {
    const { deals } = dataOf(await api.query(KAZAN_QUERY));
    expect(deals.totalCount).toBe(1);
    const deal = deals.edges[0]!.node;
    expect(deal.stage).toBe('REPORTED_INTEREST');
    expect(deal.supplier.name).toBe('Russia');
    expect(deal.recipient.name).toBe('Mali');
    expect(deal.items.map((i) => [i.platform.designation, i.platform.family?.designation])).toEqual(
      [
        ['Mi-171', 'Mi-17'],
        ['Mi-35', 'Mi-24'],
      ],
    );
    expect(deal.events).toContainEqual({ type: 'VISIT', date: { iso: '2025-06-26' } });
    expect(deal.citations.map((c) => c.source.url).sort()).toEqual([
      'http://news.abamako.com/h/300967.html',
      'http://news.abamako.com/h/300986.html',
      'https://eurasiafocus.com/9976-2/',
    ]);
    const eurasia = deal.citations.find((c) => c.source.url?.includes('eurasiafocus'));
    expect(eurasia?.source.language).toBe('fr');
    expect(eurasia?.excerpt).toContain(
      "la possibilité d'acquérir ces aéronefs de combat et de transport",
    );
  });

  it('names its sources with the titles, dates and languages DESIGN.md gives, and two more', async () => {
    const data = dataOf(
      await api.query(
        graphql(`
          query KazanRecordSources {
            deals(filter: { stage: [REPORTED_INTEREST] }) {
              nodes {
                events {
                  type
                  citations {
                    source {
                      url
                    }
                  }
                }
              }
            }
            sources(first: 100) {
              nodes {
                url
                title
                language
                publicationDate {
                  iso
                }
              }
            }
          }
        `),
      ),
    );
    const byUrl = new Map(data.sources.nodes.map((s) => [s.url, s]));
    expect(byUrl.get('http://news.abamako.com/h/300986.html')).toMatchObject({
      title:
        "Visite officielle du Chef de l'État en Russie : Le Tatarstan ouvre ses industries " +
        'automobiles civiles et militaires au Président Assimi Goïta',
      language: 'fr',
      publicationDate: { iso: '2025-06-27' },
    });
    expect(byUrl.get('http://news.abamako.com/h/300967.html')).toMatchObject({
      title:
        "Kamaz, hélicoptères Mi, raffinerie d'or: de quoi a-t-il parlé le Président malien au Tatarstan?",
      language: 'fr',
      publicationDate: { iso: '2025-06-26' },
    });
    expect(byUrl.get('https://eurasiafocus.com/9976-2/')).toMatchObject({
      title: null,
      language: 'fr',
      publicationDate: null,
    });
    expect(byUrl.get('https://today.29ru.net/kazan/406403217')).toMatchObject({
      title: 'Президент Мали оценил казанские вертолеты и потенциал Татарстана',
      language: 'ru',
      publicationDate: null,
    });
    const sahel =
      'https://sahellibertynews.com/2025/06/26/mali-transitional-president-his-excellency-general-assimi-goita-in-tatarstan';
    expect(byUrl.get(sahel)).toMatchObject({
      title: 'Mali: Transitional President His Excellency General Assimi GOÏTA in Tatarstan',
      language: 'en',
      publicationDate: { iso: '2025-06-26' },
    });
    // The Russian article corroborates the plant visit; Sahel Liberty News only the talks.
    const events = data.deals.nodes[0]!.events;
    const cited = (type: string) =>
      events.find((e) => e.type === type)!.citations.map((c) => c.source.url);
    expect(cited('VISIT')).toContain('https://today.29ru.net/kazan/406403217');
    expect(cited('VISIT')).not.toContain(sahel);
    expect(cited('REPORTED_INTEREST')).toContain(sahel);
  });

  it('keeps quantities, order date and value unknown rather than inventing them', async () => {
    const data = dataOf(
      await api.query(
        graphql(`
          query KazanRecordUnknowns {
            deals(filter: { stage: [REPORTED_INTEREST] }) {
              nodes {
                orderDate {
                  iso
                }
                reportedValue {
                  amount
                }
                arrangement
                comments
                items {
                  quantityOrdered {
                    value
                  }
                  quantityDelivered {
                    value
                  }
                  tivPerUnit
                }
              }
            }
          }
        `),
      ),
    );
    const deal = data.deals.nodes[0]!;
    expect(deal.orderDate).toBeNull();
    expect(deal.reportedValue).toBeNull();
    expect(deal.arrangement).toBe('UNKNOWN');
    expect(deal.comments).toMatch(/Rostvertol in Rostov-on-Don, not in Kazan/);
    for (const item of deal.items) {
      expect(item).toEqual({ quantityOrdered: null, quantityDelivered: null, tivPerUnit: null });
    }
  });

  it('records the visit at the Kazan Helicopter Plant with the company chain up to Rostec', async () => {
    const data = dataOf(
      await api.query(
        graphql(`
          query KazanRecordVisit {
            deals(filter: { stage: [REPORTED_INTEREST] }) {
              nodes {
                events {
                  type
                  place
                  description
                  date {
                    precision
                    uncertain
                  }
                  actors {
                    name
                    parent {
                      name
                      parent {
                        name
                      }
                    }
                  }
                  citations {
                    source {
                      url
                    }
                  }
                }
              }
            }
          }
        `),
      ),
    );
    const visit = data.deals.nodes[0]!.events.find((e) => e.type === 'VISIT')!;
    expect(visit.place).toContain('Kazan');
    expect(visit.description).toContain('Assimi Goïta');
    expect(visit.date).toEqual({ precision: 'DAY', uncertain: false });
    const plant = visit.actors.find((a) => a.name === 'Kazan Helicopter Plant');
    expect(plant?.parent).toEqual({ name: 'Russian Helicopters', parent: { name: 'Rostec' } });
    expect(visit.citations.map((c) => c.source.url)).toContain(
      'http://news.abamako.com/h/300986.html',
    );
  });

  it('places the platforms in their family trees with aliases and producers', async () => {
    const data = dataOf(
      await api.query(
        graphql(`
          query KazanRecordFamilies {
            platforms(filter: { designation: "Mi-8" }) {
              nodes {
                designation
                variants {
                  designation
                  variants {
                    designation
                    aliases {
                      name
                    }
                  }
                }
              }
            }
            mi24: platforms(filter: { designation: "Mi-24" }) {
              nodes {
                producers {
                  name
                }
                unrocaCategory
              }
            }
          }
        `),
      ),
    );
    const mi8 = data.platforms.nodes.find((p) => p.designation === 'Mi-8')!;
    expect(mi8.variants.map((v) => v.designation)).toEqual(['Mi-17']);
    expect(mi8.variants[0]!.variants.map((v) => v.designation)).toEqual(['Mi-171']);
    expect(data.mi24.nodes[0]).toEqual({
      producers: [{ name: 'Rostvertol' }],
      unrocaCategory: 'V_ATTACK_HELICOPTERS',
    });
  });

  it('finds a platform by its Cyrillic alias', async () => {
    const data = dataOf(
      await api.query(
        graphql(`
          query KazanRecordCyrillicAlias {
            platforms(filter: { designation: "Ми-171" }) {
              nodes {
                designation
              }
            }
          }
        `),
      ),
    );
    expect(data.platforms.nodes).toEqual([{ designation: 'Mi-171Sh' }]);
  });
});
