import { GraphQLClient } from 'graphql-request';
import type { TypedDocumentNode } from '@asb/shared';

/** The CMS's address at build time (a Node process): runtime environment, never inlined into pages. */
export function cmsUrl(): string {
  return (process.env.CMS_URL ?? 'http://127.0.0.1:1337').replace(/\/+$/, '');
}

/** A build cannot publish a partial site, so every failure says which request failed and why. */
export class CmsError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CmsError';
  }
}

let client: GraphQLClient | undefined;

export async function cmsRequest<TResult, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  what: string,
): Promise<TResult> {
  const endpoint = `${cmsUrl()}/graphql`;
  client ??= new GraphQLClient(endpoint, { headers: { 'User-Agent': 'asb-web-build' } });
  try {
    return await client.request<TResult, TVariables>({ document, variables } as never);
  } catch (error) {
    // graphql-request's ClientError, recognised by shape: bundling can give it two class identities.
    const response = (error as { response?: { status?: number; errors?: { message: string }[] } }).response;
    if (response) {
      const messages = response.errors?.map((e) => e.message).join('; ') || `HTTP ${response.status}`;
      throw new CmsError(`The CMS answered ${what} with an error: ${messages}`, { cause: error });
    }
    const cause =
      error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    throw new CmsError(
      `The CMS is unreachable at ${endpoint} (${cause}) while fetching ${what}. Is it running? Set CMS_URL.`,
      {
        cause: error,
      },
    );
  }
}
