import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import adonisjs from '@adonisjs/vite/client'

export default defineConfig({
  plugins: [
    react(),
    adonisjs({ entryPoints: ['resources/js/app.tsx'], reload: ['resources/views/**/*.edge'] }),
  ],

  // The HMR websocket listens on loopback only.
  server: { host: '127.0.0.1', hmr: { host: '127.0.0.1' } },
})
