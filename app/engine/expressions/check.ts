/**
 * A static type check over the syntax tree that @bufbuild/cel's parser
 * produces. The library (0.6) parses and evaluates but its type checker is
 * neither exported nor complete, so publish-time checks walk the tree here:
 * unknown variables and fields, operands of the wrong type, unknown
 * functions. `dyn` (unknown at publish) is accepted everywhere; evaluation
 * still fails closed on it.
 */
import type { parse } from '@bufbuild/cel'

/** A node of the parser's syntax tree. */
type Expr = ReturnType<typeof parse>['expr']

export type CelKind =
  | 'bool'
  | 'int'
  | 'uint'
  | 'double'
  | 'string'
  | 'bytes'
  | 'null'
  | 'timestamp'
  | 'duration'
  | 'list'
  | 'map'
  | 'dyn'

/** A declared value: a plain kind, or an object (a map) whose fields have shapes. */
export type Shape = CelKind | { readonly [field: string]: Shape }

/** The declared variables: each an object with typed fields, or a plain value. */
export type Declarations = Record<string, Shape>

/** Deepest nesting of the tree, and of macros such as `all()` (their cost multiplies). */
export const MAX_DEPTH = 32
export const MAX_MACRO_NESTING = 2

const NUMERIC = new Set<CelKind>(['int', 'uint', 'double'])
const ORDERED = new Set<CelKind>([
  'int',
  'uint',
  'double',
  'string',
  'timestamp',
  'duration',
  'bool',
])
const COMPARISONS = new Set(['_<_', '_<=_', '_>_', '_>=_'])
const ARITHMETIC = new Set(['_+_', '_-_', '_*_', '_/_', '_%_'])
const STRING_TESTS = new Set(['matches', 'contains', 'startsWith', 'endsWith'])
const CONVERSIONS: Record<string, CelKind> = {
  int: 'int',
  uint: 'uint',
  double: 'double',
  string: 'string',
  bool: 'bool',
  bytes: 'bytes',
  timestamp: 'timestamp',
  duration: 'duration',
  dyn: 'dyn',
}
const TIME_PARTS = new Set([
  'getFullYear',
  'getMonth',
  'getDate',
  'getDayOfMonth',
  'getDayOfWeek',
  'getDayOfYear',
  'getHours',
  'getMinutes',
  'getSeconds',
  'getMilliseconds',
])

/** Raised for the first problem found; its message is shown to the designer. */
export class ExpressionTypeError extends Error {}

const numeric = (kind: CelKind) => NUMERIC.has(kind)
const known = (kind: CelKind) => kind !== 'dyn'

/** The type of `expr`, or throws ExpressionTypeError. */
export function typeOf(expr: Expr, declarations: Declarations): CelKind {
  return new Walk(declarations).visit(expr, 0, 0)
}

class Walk {
  private readonly locals: string[] = []

  constructor(private readonly declarations: Declarations) {}

  visit(expr: Expr, depth: number, macros: number): CelKind {
    if (depth > MAX_DEPTH) {
      throw new ExpressionTypeError(`The expression is nested more than ${MAX_DEPTH} levels deep.`)
    }
    const next = (child: Expr | undefined, macroDepth = macros) =>
      child ? this.visit(child, depth + 1, macroDepth) : 'dyn'
    const kind = expr.exprKind
    switch (kind.case) {
      case 'constExpr':
        return constantKind(kind.value.constantKind.case)
      case 'identExpr':
        return this.identifier(kind.value.name)
      case 'selectExpr': {
        const { operand, field, testOnly } = kind.value
        const type = this.member(operand, field)
        if (type === undefined) next(operand)
        return testOnly ? 'bool' : (type ?? 'dyn')
      }
      case 'callExpr': {
        const args = kind.value.args.map((arg) => next(arg))
        const target = kind.value.target ? next(kind.value.target) : undefined
        return callKind(kind.value.function, args, target)
      }
      case 'listExpr':
        kind.value.elements.forEach((element) => next(element))
        return 'list'
      case 'structExpr':
        if (kind.value.messageName) {
          throw new ExpressionTypeError(`Messages ("${kind.value.messageName}") are not available.`)
        }
        kind.value.entries.forEach((entry) => {
          if (entry.keyKind.case === 'mapKey') next(entry.keyKind.value)
          next(entry.value)
        })
        return 'map'
      case 'comprehensionExpr': {
        if (macros >= MAX_MACRO_NESTING) {
          throw new ExpressionTypeError(
            `Macros such as all() or map() may be nested at most ${MAX_MACRO_NESTING} deep.`
          )
        }
        const loop = kind.value
        next(loop.iterRange)
        next(loop.accuInit)
        const names = [loop.iterVar, loop.iterVar2, loop.accuVar].filter(Boolean)
        this.locals.push(...names)
        try {
          next(loop.loopCondition, macros + 1)
          next(loop.loopStep, macros + 1)
          next(loop.result, macros + 1)
        } finally {
          this.locals.splice(this.locals.length - names.length, names.length)
        }
        // The result of a macro is only known at run time.
        return 'dyn'
      }
      default:
        throw new ExpressionTypeError('The expression is incomplete.')
    }
  }

  private identifier(name: string): CelKind {
    if (this.locals.includes(name)) return 'dyn'
    if (!Object.hasOwn(this.declarations, name)) {
      const names = Object.keys(this.declarations).join(', ')
      throw new ExpressionTypeError(`Unknown variable "${name}"; the variables are ${names}.`)
    }
    const declared = this.declarations[name]!
    return typeof declared === 'string' ? declared : 'map'
  }

  /** The type of `operand.field` when `operand` is a declared object (or a member of one). */
  private member(operand: Expr | undefined, field: string): CelKind | undefined {
    const parent = this.shapeOf(operand)
    if (parent === undefined || typeof parent === 'string') return undefined
    if (!Object.hasOwn(parent, field)) {
      const fields = Object.keys(parent)
      throw new ExpressionTypeError(
        `"${pathOf(operand!)}" has no field "${field}"` +
          (fields.length > 0 ? `; its fields are ${fields.join(', ')}.` : '.')
      )
    }
    const shape = parent[field]!
    return typeof shape === 'string' ? shape : 'map'
  }

  /** The declared shape of a variable or of a member chain such as `data.price`. */
  private shapeOf(expr: Expr | undefined): Shape | undefined {
    const kind = expr?.exprKind
    if (kind?.case === 'identExpr') {
      const name = kind.value.name
      if (this.locals.includes(name) || !Object.hasOwn(this.declarations, name)) return undefined
      return this.declarations[name]
    }
    if (kind?.case === 'selectExpr' && !kind.value.testOnly) {
      const parent = this.shapeOf(kind.value.operand)
      if (parent === undefined || typeof parent === 'string') return undefined
      return Object.hasOwn(parent, kind.value.field) ? parent[kind.value.field] : undefined
    }
    return undefined
  }
}

/** `data.price` for a member chain, as written. */
function pathOf(expr: Expr): string {
  const kind = expr.exprKind
  if (kind.case === 'identExpr') return kind.value.name
  if (kind.case === 'selectExpr' && kind.value.operand) {
    return `${pathOf(kind.value.operand)}.${kind.value.field}`
  }
  return 'the value'
}

function constantKind(constant: string | undefined): CelKind {
  switch (constant) {
    case 'boolValue':
      return 'bool'
    case 'int64Value':
      return 'int'
    case 'uint64Value':
      return 'uint'
    case 'doubleValue':
      return 'double'
    case 'stringValue':
      return 'string'
    case 'bytesValue':
      return 'bytes'
    case 'nullValue':
      return 'null'
    default:
      return 'dyn'
  }
}

function mismatch(operator: string, left: CelKind, right: CelKind): never {
  const symbol = operator.replaceAll('_', '').replace('@in', 'in')
  throw new ExpressionTypeError(`"${symbol}" cannot be applied to ${left} and ${right}.`)
}

function callKind(name: string, args: CelKind[], target: CelKind | undefined): CelKind {
  const [left = 'dyn', right = 'dyn'] = args
  if (name === '_&&_' || name === '_||_' || name === '!_') {
    for (const arg of args) if (known(arg) && arg !== 'bool') mismatch(name, left, right)
    return 'bool'
  }
  if (COMPARISONS.has(name)) {
    if (known(left) && known(right)) {
      const comparable = numeric(left) ? numeric(right) : left === right && ORDERED.has(left)
      if (!comparable) mismatch(name, left, right)
    }
    return 'bool'
  }
  if (name === '_==_' || name === '_!=_') {
    const exempt = !known(left) || !known(right) || left === 'null' || right === 'null'
    if (!exempt && left !== right && !(numeric(left) && numeric(right))) {
      mismatch(name, left, right)
    }
    return 'bool'
  }
  // `@not_strictly_false` is what the parser writes for the loop test of all()/exists().
  if (name === '@in' || name === '@not_strictly_false') return 'bool'
  if (name === '_[_]') return 'dyn'
  if (name === '-_') return left
  if (name === '_?_:_') {
    const [condition = 'dyn', yes = 'dyn', no = 'dyn'] = args
    if (known(condition) && condition !== 'bool') mismatch(name, condition, yes)
    return yes === no ? yes : 'dyn'
  }
  if (ARITHMETIC.has(name)) return arithmetic(name, left, right)
  if (name === 'size') return 'int'
  if (STRING_TESTS.has(name)) {
    const subject = target ?? left
    if (known(subject) && subject !== 'string') mismatch(name, subject, 'string')
    return 'bool'
  }
  if (target !== undefined && TIME_PARTS.has(name)) return 'int'
  if (target === undefined && Object.hasOwn(CONVERSIONS, name)) return CONVERSIONS[name]!
  throw new ExpressionTypeError(`Unknown function "${name}".`)
}

/** CEL does not mix number types in arithmetic: `1.5 + 1` is an error, `1.5 + 1.0` is not. */
function arithmetic(name: string, left: CelKind, right: CelKind): CelKind {
  if (!known(left) || !known(right)) return known(left) ? left : right
  if (
    left === right &&
    (numeric(left) || (name === '_+_' && ['string', 'list', 'bytes'].includes(left)))
  ) {
    return left
  }
  const times: Record<string, CelKind> = {
    'timestamp_-_timestamp': 'duration',
    'timestamp_+_duration': 'timestamp',
    'duration_+_timestamp': 'timestamp',
    'timestamp_-_duration': 'timestamp',
    'duration_+_duration': 'duration',
    'duration_-_duration': 'duration',
  }
  const key = `${left}${name}${right}`
  if (Object.hasOwn(times, key)) return times[key]!
  return mismatch(name, left, right)
}
