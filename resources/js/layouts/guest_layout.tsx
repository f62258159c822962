import type { ReactNode } from 'react'
import { FlashMessages } from '../components/flash_messages.tsx'
import { LanguageSwitch } from '../components/language_switch.tsx'

export default function GuestLayout({ children }: { children: ReactNode }) {
  return (
    <main className="guest" id="main">
      <div style={{ width: 'min(420px, 100%)' }}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            <svg width="18" height="18" viewBox="0 0 32 32">
              <path
                d="M5 24h7v-8h8V8h7"
                stroke="white"
                strokeWidth="3.5"
                fill="none"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </svg>
          </span>
          Stageflow
        </div>
        {children}
        <footer>
          <LanguageSwitch />
        </footer>
      </div>
      <FlashMessages />
    </main>
  )
}
