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
import { SEARCHABLE_TYPES } from '#engine/search_fields'
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
  'fields',
  'searchable',
]
/** A `list` field's columns take neither conditions nor nested columns. */
const COLUMN_PROPERTIES = FIELD_PROPERTIES.filter(
  (property) => !['visibleWhen', 'requiredWhen', 'fields', 'searchable'].includes(property)
)

/** Types whose values are chosen from `options`. */
const OPTION_TYPES: readonly FieldType[] = ['select', 'multiselect']

/**
 * A stage's `fields`, or (with `columns`) a list field's: then the keys are
 * the rows' own (not process data), and no column is itself a list.
 */
export function verifyFields(
  run: Verification,
  stage: JsonObject,
  stagePath: string,
  stageSubjectText: string,
  columns = false
): FieldDefinition[] | undefined {
  const list = run.readList(stage, 'fields', stagePath, stageSubjectText, columns)
  if (!list) return undefined
  const stageText = stageSubjectText.replace(/^[SF]/, (letter) => letter.toLowerCase())
  const noun = columns ? 'Column' : 'Field'
  if (columns && list.length === 0) {
    run.report(
      child(stagePath, 'fields'),
      'missing_columns',
      `${stageSubjectText} is a list field, so it needs at least one column in "fields".`
    )
  }
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
        k === undefined
          ? `${noun} #${index + 1} of ${stageText}`
          : `${noun} "${k}" of ${stageText}`,
      columns ? COLUMN_PROPERTIES : FIELD_PROPERTIES,
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

    if (columns && type === 'list') {
      run.report(
        child(path, 'type'),
        'nested_list',
        `${subject} is a list, but a list's columns cannot be lists themselves.`
      )
    }
    const searchable = columns ? undefined : verifySearchable(run, raw, path, subject, type)
    const listColumns = verifyColumns(run, raw, path, subject, type, columns)
    const options = verifyOptions(run, raw, path, subject, type)
    const currency = verifyCurrency(run, raw, path, subject, type)
    const rules = verifyRules(run, raw, path, subject, type)
    const conditions = columns ? {} : readFieldConditions(run, raw, path, subject)

    if (key !== undefined && columns) {
      if (seen.has(key)) {
        run.report(
          child(path, 'key'),
          'duplicate_field_key',
          `Columns #${seen.get(key)! + 1} and #${index + 1} of ${stageText} both use the key "${key}".`
        )
      } else seen.set(key, index)
    } else if (key !== undefined) {
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
        ...(listColumns === undefined ? {} : { fields: listColumns }),
        ...(searchable ? { searchable } : {}),
      }
      // Only a field that is otherwise valid can tell whether its default is.
      const usable =
        (OPTION_TYPES.includes(type) ? options !== undefined : true) &&
        (type === 'list' ? listColumns !== undefined : true) &&
        (isAbsent(raw.rules) || rules !== undefined)
      const value = verifyDefault(run, raw, path, subject, usable ? field : undefined)
      fields.push(value === undefined ? field : { ...field, default: value })
    }
  })
  return fields
}

/** `searchable`: true or false, and true only on a type the search index can hold. */
function verifySearchable(
  run: Verification,
  raw: JsonObject,
  path: string,
  subject: string,
  type: FieldType | undefined
): boolean | undefined {
  if (isAbsent(raw.searchable)) return undefined
  if (typeof raw.searchable !== 'boolean') {
    run.report(
      child(path, 'searchable'),
      'invalid_type',
      `${subject} has ${describeValue(raw.searchable)} as "searchable", but it must be true or false.`
    )
    return undefined
  }
  if (raw.searchable && type !== undefined && !SEARCHABLE_TYPES.includes(type)) {
    run.report(
      child(path, 'searchable'),
      'field_not_searchable',
      `${subject} is a ${type} field, which cannot be searchable: only ${SEARCHABLE_TYPES.join(', ')} fields can be indexed.`
    )
    return undefined
  }
  return raw.searchable
}

/** `fields` (the columns): only, and always, on a stage's list fields. */
function verifyColumns(
  run: Verification,
  raw: JsonObject,
  path: string,
  subject: string,
  type: FieldType | undefined,
  columns: boolean
): FieldDefinition[] | undefined {
  if (type === 'list' && !columns) return verifyFields(run, raw, path, subject, true)
  if (!isAbsent(raw.fields) && !columns && type !== undefined) {
    run.report(
      child(path, 'fields'),
      'columns_not_allowed',
      `${subject} is a ${type} field, but only list fields have columns ("fields").`
    )
  }
  return undefined
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
