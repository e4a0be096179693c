/** Runs an operation when its variables change; the answer, the error, or loading. */
import { useEffect, useState } from 'preact/hooks';
import { request } from './api';
import type { TypedDocumentString } from './generated/gql/graphql';

export interface QueryState<T> {
  data?: T;
  error?: string;
  loading: boolean;
}

export function useQuery<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables, skip = false): QueryState<TResult> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<QueryState<TResult>>({ loading: !skip });
  useEffect(() => {
    if (skip) return setState({ loading: false });
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true, error: undefined }));
    request(document, variables, controller.signal).then(
      (data) => setState({ data, loading: false }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ loading: false, error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
    // The variables are compared by their JSON text (key).
  }, [document, key, skip]);
  return state;
}
