import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/**
 * Refuses operations of a kind the schema has no root type for, before they run: the public
 * schema (public-schema.ts) has no Mutation type, and graphql-js 16 validates a mutation anyway
 * and fails it only while executing, with HTTP 200. (graphql-js 17 adds this rule as KnownOperationTypesRule.)
 */
export function knownOperationTypesRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      const schema = context.getSchema();
      const root =
        node.operation === 'query'
          ? schema.getQueryType()
          : node.operation === 'mutation'
            ? schema.getMutationType()
            : schema.getSubscriptionType();
      if (!root) {
        context.reportError(
          new GraphQLError(`This API is read-only: it has no ${node.operation} operations.`, { nodes: [node] }),
        );
      }
    },
  };
}
