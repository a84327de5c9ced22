import { DEFAULT_PAGE_SIZE, LIMITS } from '../src/api-protection/limits';

/** REST bounds: a list without pagination gets 25 entries, and nobody gets more than 100 at once. */
export const REST_DEFAULT_LIMIT = DEFAULT_PAGE_SIZE;
export const REST_MAX_LIMIT = LIMITS.pageSize.value;

export default {
  rest: { defaultLimit: REST_DEFAULT_LIMIT, maxLimit: REST_MAX_LIMIT, withCount: true },
};
