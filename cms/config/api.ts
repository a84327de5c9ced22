/** REST bounds: a list without pagination gets 25 entries, and nobody gets more than 100 at once. */
export const REST_DEFAULT_LIMIT = 25;
export const REST_MAX_LIMIT = 100;

export default {
  rest: { defaultLimit: REST_DEFAULT_LIMIT, maxLimit: REST_MAX_LIMIT, withCount: true },
};
