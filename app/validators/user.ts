import vine from '@vinejs/vine'
import { ROLES } from '#enums/role'
import { SUPPORTED_LOCALES } from '#config/i18n'

const password = () => vine.string().minLength(10).maxLength(200)

/**
 * An admin creating an account.
 */
export const createUserValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(120),
  email: vine
    .string()
    .trim()
    .email()
    .maxLength(254)
    .toLowerCase()
    .unique({ table: 'users', column: 'email', caseInsensitive: true }),
  password: password(),
  role: vine.enum(ROLES),
})

/**
 * An admin changing someone's role or active flag.
 */
export const updateUserValidator = vine.create({
  role: vine.enum(ROLES).optional(),
  isActive: vine.boolean().optional(),
})

/**
 * Anyone changing their own name.
 */
export const updateProfileValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(120),
})

/**
 * Anyone changing their own password: the current one proves it is them.
 */
export const updatePasswordValidator = vine.create({
  currentPassword: vine.string().minLength(1),
  password: password().confirmed({ confirmationField: 'passwordConfirmation' }),
})

export const createAccessTokenValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(120),
})

export const listUsersValidator = vine.create({
  q: vine.string().trim().maxLength(120).optional(),
  page: vine.number().min(1).max(100000).optional(),
})

/**
 * PATCH /api/v1/me: the token owner's name and language; absent fields stay.
 */
export const updateMeValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(120).optional(),
  locale: vine.enum(SUPPORTED_LOCALES).optional(),
})
