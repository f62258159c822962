import vine from '@vinejs/vine'

export const loginValidator = vine.create({
  email: vine.string().trim().email().maxLength(254),
  password: vine.string().minLength(1).maxLength(200),
  remember: vine.boolean().optional(),
})

export const tokenRequestValidator = vine.create({
  email: vine.string().trim().email().maxLength(254),
  password: vine.string().minLength(1).maxLength(200),
  name: vine.string().trim().maxLength(120).optional(),
})
