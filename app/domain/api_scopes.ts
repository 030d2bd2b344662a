/**
 * What a machine client may do. `national:push` lets the national platform
 * push complaints; `national:results` lets it read results reported back;
 * `open311` is for Open311 partners.
 */
export const API_SCOPES = ['national:push', 'national:results', 'open311'] as const
export type ApiScope = (typeof API_SCOPES)[number]
