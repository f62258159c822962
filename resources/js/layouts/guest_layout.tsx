import { BrandName } from '../components/brand_mark.tsx'
import type { ReactNode } from 'react'
import { FlashMessages } from '../components/flash_messages.tsx'
import { LanguageSwitch } from '../components/language_switch.tsx'

export default function GuestLayout({ children }: { children: ReactNode }) {
  return (
    <main className="guest" id="main">
      <div style={{ width: 'min(420px, 100%)' }}>
        <div className="brand">
          <BrandName />
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
