import type { TypedDocumentNode } from '@asb/shared';

/*
 * Variants of the site's collection queries (shared/graphql/content.graphql), made by editing their
 * syntax trees so that the preview and incremental builds select exactly the fields the static build
 * does: a new field in the shared query reaches all three at once.
 */

type Node = { kind: string; [key: string]: any };
const name = (value: string) => ({ kind: 'Name', value });
const variable = (value: string) => ({ kind: 'Variable', name: name(value) });

function operation(doc: Node): Node {
  return doc.definitions.find((d: Node) => d.kind === 'OperationDefinition');
}

/** The `page: <type>_connection(...)` field every collection query has. */
function pageField(doc: Node): Node {
  return operation(doc).selectionSet.selections.find((s: Node) => s.alias?.value === 'page' || s.name.value === 'page');
}

/** Restricts a collection query to the documents in `$ids` (and, for previews, to drafts). */
export function byIds<TResult>(
  document: TypedDocumentNode<TResult, any>,
  { status }: { status?: 'DRAFT' | 'PUBLISHED' } = {},
): TypedDocumentNode<TResult, { locale: string; page: number; pageSize: number; ids: string[] }> {
  const doc = structuredClone(document) as unknown as Node;
  operation(doc).variableDefinitions.push({
    kind: 'VariableDefinition',
    variable: variable('ids'),
    type: { kind: 'ListType', type: { kind: 'NamedType', name: name('ID') } },
  });
  const field = pageField(doc);
  field.arguments.push({
    kind: 'Argument',
    name: name('filters'),
    value: {
      kind: 'ObjectValue',
      fields: [
        {
          kind: 'ObjectField',
          name: name('documentId'),
          value: { kind: 'ObjectValue', fields: [{ kind: 'ObjectField', name: name('in'), value: variable('ids') }] },
        },
      ],
    },
  });
  if (status)
    field.arguments.push({ kind: 'Argument', name: name('status'), value: { kind: 'EnumValue', value: status } });
  return doc as never;
}

/**
 * A query whose root fields all ask for `status` (the preview's drafts). The public schema, which
 * the shared queries are checked against, has no such argument; the preview token's schema has.
 */
export function withStatus<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  status: 'DRAFT' | 'PUBLISHED',
): TypedDocumentNode<TResult, TVariables> {
  const doc = structuredClone(document) as unknown as Node;
  for (const field of operation(doc).selectionSet.selections as Node[]) {
    field.arguments = [
      ...(field.arguments ?? []),
      { kind: 'Argument', name: name('status'), value: { kind: 'EnumValue', value: status } },
    ];
  }
  return doc as never;
}
