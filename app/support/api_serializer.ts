import { BaseSerializer } from '@adonisjs/core/transformers'

type PaginationMeta = {
  total: number
  perPage: number
  currentPage: number
  lastPage: number
}

/**
 * Serializer of the JSON API: every body is `{ data }`, paginated lists
 * add `{ metadata: { total, perPage, currentPage, lastPage } }`.
 */
class ApiSerializer extends BaseSerializer<{ Wrap: 'data'; PaginationMetaData: PaginationMeta }> {
  wrap = 'data' as const

  definePaginationMetaData(metaData: unknown): PaginationMeta {
    if (!this.isLucidPaginatorMetaData(metaData)) {
      throw new Error('Pagination metadata must come from a Lucid paginator')
    }
    return {
      total: Number(metaData.total),
      perPage: Number(metaData.perPage),
      currentPage: Number(metaData.currentPage),
      lastPage: Number(metaData.lastPage),
    }
  }
}

const serializer = new ApiSerializer()

export const serialize = serializer.serialize.bind(serializer) as ApiSerializer['serialize']
