// Which requests read from a replica (DATABASE_READ_URL): queries, once the operation is known
// and before any resolver runs — except the change feed, whose cursor must never pass a
// revision the primary has and a lagging replica has not yet shown, and the queries of a
// client that has just written, which must see its own write.
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, OperationTypeNode, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { useReadReplica, type Context } from '../context.js';
import type { ReadReplicas } from '../db/read-replicas.js';
import { requestMetaOf } from './limits/index.js';

/** Root fields served by the primary whatever the operation. */
const PRIMARY_ONLY_FIELDS = new Set(['changes']);

export function createReadRoutingPlugin(replicas: ReadReplicas): ApolloServerPlugin<Context> {
  return {
    // eslint-disable-next-line @typescript-eslint/require-await -- Apollo's hooks are async
    async requestDidStart(start) {
      const meta = requestMetaOf(start.request.http);
      const client = meta && `${meta.client.kind}:${meta.client.id}`;
      return {
        // eslint-disable-next-line @typescript-eslint/require-await
        async didResolveOperation({ operation, document, contextValue }) {
          if (operation?.operation !== OperationTypeNode.QUERY || needsPrimary(operation, document))
            return;
          if (client && replicas.wroteRecently(client)) return;
          const replica = replicas.pick();
          if (replica) useReadReplica(contextValue, replica);
        },
        // eslint-disable-next-line @typescript-eslint/require-await
        async willSendResponse({ operation }) {
          if (operation?.operation === OperationTypeNode.MUTATION && client)
            replicas.noteWrite(client);
        },
      };
    },
  };
}

/** Whether the operation selects a primary-only root field, directly or through fragments. */
function needsPrimary(operation: OperationDefinitionNode, document: DocumentNode): boolean {
  const fragments = new Map(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [],
    ),
  );
  const seen = new Set<string>();
  const visit = (selections: OperationDefinitionNode['selectionSet']['selections']): boolean =>
    selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return PRIMARY_ONLY_FIELDS.has(selection.name.value);
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet.selections);
      const name = selection.name.value;
      if (seen.has(name)) return false;
      seen.add(name);
      const fragment = fragments.get(name);
      return fragment ? visit(fragment.selectionSet.selections) : false;
    });
  return visit(operation.selectionSet.selections);
}
