import type { Data } from '../../.adonisjs/client/data.js'
import type { PropsWithChildren } from 'react'

export type SharedProps = Data.SharedProps

export type InertiaProps<T extends object = {}> = PropsWithChildren<SharedProps & T>

export type Paginated<T> = {
  data: T[]
  metadata: {
    total: number
    perPage: number
    currentPage: number
    lastPage: number
    firstPage: number
    firstPageUrl: string
    lastPageUrl: string
    nextPageUrl: string | null
    previousPageUrl: string | null
  }
}
