// A statement's plan as PostgreSQL's EXPLAIN gives it (format json), flattened into its nodes:
// what the plan tests assert on (which steps, which indexes, how many rows and loops).
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../src/db/client.js';

export interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Actual Loops'?: number;
  'Actual Rows'?: number;
  Plans?: PlanNode[];
}

function nodesOf(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
}

/**
 * The plan's nodes; with `analyze`, as run (actual rows and loops). `disable` names planner
 * settings (`enable_sort`, …) turned off for this statement only, in a transaction of its own.
 */
export function planNodes(
  db: Db,
  statement: SQL,
  { analyze = false, disable = [] }: { analyze?: boolean; disable?: string[] } = {},
): Promise<PlanNode[]> {
  return db.transaction(async (tx) => {
    for (const setting of disable) await tx.execute(sql.raw(`set local ${setting} = off`));
    const [row] = await queryRows<Record<string, unknown>>(
      tx,
      sql`explain (format json${sql.raw(analyze ? ', analyze' : '')}) ${statement}`,
    );
    // PGlite gives the plan as JSON text, node-postgres as parsed JSON.
    const json = Object.values(row!)[0];
    const [root] = (typeof json === 'string' ? JSON.parse(json) : json) as { Plan: PlanNode }[];
    return nodesOf(root!.Plan);
  });
}
