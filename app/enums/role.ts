/**
 * What a user may do is decided by their role; policies read it.
 * admin: everything, including user management.
 * manager: designs workflows, sees reports, acts on every process.
 * member: works on processes.
 */
export const ROLES = ['admin', 'manager', 'member'] as const

export type Role = (typeof ROLES)[number]
