import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import type { IncomingMessage } from 'node:http'
import type { Readable } from 'node:stream'
import { inject } from '@adonisjs/core'
import app from '@adonisjs/core/services/app'
import string from '@adonisjs/core/helpers/string'
import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import StockBodyParser from '@adonisjs/core/bodyparser_middleware'
import { MAX_NESTING, jsonTextDepth } from '#engine/nesting'
import { TooDeeplyNested } from '#exceptions/domain_error'

type JsonOptions = {
  types: string[]
  limit?: string | number
  convertEmptyStringsToNull?: boolean
  trimWhitespaces?: boolean
}

const DECODERS: Record<string, () => NodeJS.ReadWriteStream> = {
  gzip: createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
}

/**
 * The framework's body parser, except for JSON bodies, which it parses
 * itself so that their nesting is checked before anything recursive runs:
 * the stock parser's reviver (empty strings to null) and the deep clone of
 * the body overflow the stack at a few thousand levels and answered
 * "Maximum call stack size exceeded". Deeper than MAX_NESTING is a 422
 * `too_deeply_nested`. Everything else behaves as before: the size limit
 * (413), compressed bodies, strict mode, `__proto__`/`constructor.prototype`
 * keys dropped, empty strings as null.
 */
@inject()
export default class BodyParserMiddleware {
  constructor(protected stock: StockBodyParser) {}

  async handle(ctx: HttpContext, next: NextFn) {
    const config = app.config.get<{ allowedMethods: string[]; json: JsonOptions }>('bodyparser')
    const isJson =
      config.allowedMethods.includes(ctx.request.method()) &&
      ctx.request.hasBody() &&
      config.json.types.length > 0 &&
      !!ctx.request.is(config.json.types)
    if (!isJson) return this.stock.handle(ctx, next)

    ;(ctx.request as unknown as { __raw_files: object }).__raw_files = {}
    const limit = string.bytes.parse(config.json.limit ?? '1mb') ?? 1024 * 1024
    const text = await readText(ctx.request.request, limit)
    if (text.trim() === '') {
      ctx.request.setInitialBody({})
    } else {
      // Strict mode, as the stock parser: only an object or an array.
      if (!/^[ \t\n\r]*[[{]/.test(text)) {
        throw new Exception('Invalid JSON, only supports object and array', { status: 422 })
      }
      if (jsonTextDepth(text) > MAX_NESTING) {
        throw new TooDeeplyNested('The request body', MAX_NESTING)
      }
      ctx.request.setInitialBody(parseJson(text, config.json))
    }
    ctx.request.updateRawBody(text)
    ctx.request.bodyType = 'json'
    return next()
  }
}

function parseJson(text: string, options: JsonOptions) {
  try {
    return JSON.parse(text, function (key, value) {
      // The same keys secure-json-parse removes: no prototype poisoning later.
      if (key === '__proto__') return undefined
      if (key === 'constructor' && value && typeof value === 'object' && 'prototype' in value) {
        return undefined
      }
      if (key === '' || typeof value !== 'string') return value
      const trimmed = options.trimWhitespaces ? value.trim() : value
      return options.convertEmptyStringsToNull && trimmed === '' ? null : trimmed
    })
  } catch (error) {
    throw new Exception((error as Error).message, { status: 400, code: 'E_INVALID_JSON' })
  }
}

/** The body as UTF-8 text, decompressed, refused past `limit` bytes. */
async function readText(request: IncomingMessage, limit: number) {
  const encoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase()
  let source: Readable | NodeJS.ReadWriteStream = request
  if (encoding !== 'identity') {
    const decoder = DECODERS[encoding]
    if (!decoder) {
      throw new Exception(`Unsupported content encoding "${encoding}"`, {
        status: 415,
        code: 'E_ENCODING_UNSUPPORTED',
      })
    }
    source = request.pipe(decoder())
  }

  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) return chunks.push(chunk)
      // Stop keeping it but let the rest drain: the socket must stay up for the 413.
      source.removeListener('data', onData)
      source.resume()
      reject(
        new Exception('request entity too large', {
          status: 413,
          code: 'E_REQUEST_ENTITY_TOO_LARGE',
        })
      )
    }
    const onFailure = () =>
      reject(
        new Exception('The request body could not be read', {
          status: 400,
          code: 'E_REQUEST_ABORTED',
        })
      )
    source.on('data', onData)
    source.once('error', onFailure)
    request.once('aborted', onFailure)
    source.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
  })
}
