import { FIELD_TYPES, type FieldDefinition, type FieldType } from '#engine/definition'
import {
  type JsonObject,
  MAX_NAME_LENGTH,
  at,
  child,
  describeValue,
  isAbsent,
} from '#engine/verifier/rules'
import { type Verification } from '#engine/verifier/verification'
import {
  readFieldConditions,
  verifyCurrency,
  verifyDefault,
  verifyRules,
} from '#engine/verifier/field_rules'

/** The properties an element may have; any other is reported. */
const FIELD_PROPERTIES = [
  'key',
  'label',
  'type',
  'required',
  'options',
  'currency',
  'rules',
  'visibleWhen',
  'requiredWhen',
  'default',
]

/** Types whose values are chosen from `options`. */
const OPTION_TYPES: readonly FieldType[] = ['select', 'multiselect']

export function verifyFields(
  run: Verification,
  stage: JsonObject,
  stagePath: string,
  stageSubjectText: string
): FieldDefinition[] | undefined {
  const list = run.readList(stage, 'fields', stagePath, stageSubjectText, false)
  if (!list) return undefined
  const stageText = stageSubjectText.replace(/^S/, 's')
  const seen = new Map<string, number>()
  const fields: FieldDefinition[] = []

  list.forEach((raw, index) => {
    const path = at(child(stagePath, 'fields'), index)
    if (!run.expectObject(raw, path, `Field #${index + 1} of ${stageText}`)) return
    const {
      key,
      subject,
      name: label,
    } = run.readIdentity(
      raw,
      path,
      (k) =>
        k === undefined ? `Field #${index + 1} of ${stageText}` : `Field "${k}" of ${stageText}`,
      FIELD_PROPERTIES,
      'label'
    )

    const type = run.readEnum(
      raw,
      'type',
      path,
      subject,
      FIELD_TYPES,
      'invalid_field_type',
      'field types'
    )

    let required: boolean | undefined
    if (!isAbsent(raw.required)) {
      if (typeof raw.required === 'boolean') {
        required = raw.required
      } else {
        run.report(
          child(path, 'required'),
          'invalid_type',
          `${subject} has ${describeValue(raw.required)} as "required", but it must be true or false.`
        )
      }
    }

    const options = verifyOptions(run, raw, path, subject, type)
    const currency = verifyCurrency(run, raw, path, subject, type)
    const rules = verifyRules(run, raw, path, subject, type)
    const conditions = readFieldConditions(run, raw, path, subject)

    if (key !== undefined) {
      const firstIndex = seen.get(key)
      if (firstIndex !== undefined) {
        run.report(
          child(path, 'key'),
          'duplicate_field_key',
          `Fields #${firstIndex + 1} and #${index + 1} of ${stageText} both use the key "${key}"; field keys must be unique within a stage.`
        )
      } else {
        seen.set(key, index)
        run.fieldKeys.add(key)
        // Process data is one flat map shared by all stages, so the same
        // key must mean the same kind of value everywhere.
        const otherType = run.fieldTypes.get(key)
        if (otherType === undefined) {
          if (type !== undefined) run.fieldTypes.set(key, type)
        } else if (type !== undefined && type !== otherType) {
          run.report(
            child(path, 'type'),
            'conflicting_field_type',
            `${subject} has type "${type}", but another stage declares the field "${key}" with type "${otherType}"; a field key must have one type across the workflow.`
          )
        }
      }
    }

    if (key !== undefined && label !== undefined && type !== undefined) {
      const field: FieldDefinition = {
        key,
        label,
        type,
        ...(required === undefined ? {} : { required }),
        ...(options === undefined ? {} : { options }),
        ...(currency === undefined ? {} : { currency }),
        ...(rules === undefined ? {} : { rules }),
        ...conditions,
      }
      // Only a field that is otherwise valid can tell whether its default is.
      const usable =
        (OPTION_TYPES.includes(type) ? options !== undefined : true) &&
        (isAbsent(raw.rules) || rules !== undefined)
      const value = verifyDefault(run, raw, path, subject, usable ? field : undefined)
      fields.push(value === undefined ? field : { ...field, default: value })
    }
  })
  return fields
}

function verifyOptions(
  run: Verification,
  field: JsonObject,
  fieldPath: string,
  subject: string,
  type: FieldType | undefined
): string[] | undefined {
  const path = child(fieldPath, 'options')
  if (type !== undefined && !OPTION_TYPES.includes(type)) {
    if (!isAbsent(field.options)) {
      run.report(
        path,
        'options_not_allowed',
        `${subject} is a ${type} field, but only select and multiselect fields have options.`
      )
    }
    return undefined
  }
  const list = run.readList(field, 'options', fieldPath, subject, false)
  // A non-list was already reported as invalid_type by readList.
  const noOptions = isAbsent(field.options) || (list !== undefined && list.length === 0)
  if (type !== undefined && noOptions) {
    run.report(
      path,
      'missing_options',
      `${subject} is a ${type} field, so it needs a non-empty list of options.`
    )
    return undefined
  }
  if (!list) return undefined

  const options: string[] = []
  const seen = new Set<string>()
  list.forEach((option, index) => {
    if (typeof option !== 'string' || option.trim() === '' || option.length > MAX_NAME_LENGTH) {
      run.report(
        at(path, index),
        'invalid_option',
        `Option #${index + 1} of ${subject.replace(/^F/, 'f')} must be non-empty text of at most ${MAX_NAME_LENGTH} characters, not ${describeValue(option)}.`
      )
    } else if (seen.has(option)) {
      run.report(
        at(path, index),
        'duplicate_option',
        `${subject} lists the option "${option}" more than once.`
      )
    } else {
      seen.add(option)
      options.push(option)
    }
  })
  return options
}
