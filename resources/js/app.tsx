import './css/app.css'
import type { ComponentType, ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import { createInertiaApp } from '@inertiajs/react'
import { TuyauProvider } from '@adonisjs/inertia/react'
import { client } from './client.ts'
import type { SharedProps } from './types.ts'
import AppLayout from './layouts/app_layout.tsx'
import GuestLayout from './layouts/guest_layout.tsx'

type PageModule = { default: ComponentType & { layout?: (page: ReactNode) => ReactNode } }
const pages = import.meta.glob<PageModule>('./pages/**/*.tsx')

createInertiaApp({
  title: (title: string) => (title ? `${title} · Stageflow` : 'Stageflow'),

  resolve: async (name: string) => {
    const loader = pages[`./pages/${name}.tsx`]
    if (!loader) throw new Error(`Unknown page "${name}"`)
    const module = await loader()
    return module.default
  },

  // Sign-in pages get the bare guest shell, everything else the app shell.
  layout: (name: string) => (name.startsWith('auth/') ? GuestLayout : AppLayout),

  setup({
    el,
    App,
    props,
  }: {
    el: HTMLElement
    App: ComponentType<any>
    props: SharedProps & Record<string, unknown>
  }) {
    createRoot(el).render(
      <TuyauProvider client={client}>
        <App {...props} />
      </TuyauProvider>
    )
  },

  progress: { color: '#2f5bea', delay: 150 },
})
