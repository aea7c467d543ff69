// Docs: writes docs/queries.md from src/graphiql/examples.ts (`npm run docs:queries`).
import { writeFileSync } from 'node:fs';
import { graphiqlExamples } from '../src/graphiql/examples.js';
import { QUERIES_DOC_PATH, renderQueriesDoc } from './queries-doc.js';

writeFileSync(QUERIES_DOC_PATH, renderQueriesDoc(graphiqlExamples));
console.log(`wrote ${QUERIES_DOC_PATH}`);
