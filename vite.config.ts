import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import adonisjs from '@adonisjs/vite/client'

export default defineConfig({
  plugins: [
    react(),
    adonisjs({ entryPoints: ['resources/js/app.tsx'], reload: ['resources/views/**/*.edge'] }),
  ],

  // The HMR websocket listens on loopback only, on VITE_HMR_PORT when set (npm test gives each
  // run its own: two test runs on one port would reload each other's pages), else Vite's 24678.
  server: {
    host: '127.0.0.1',
    hmr: {
      host: '127.0.0.1',
      port: process.env.VITE_HMR_PORT ? Number(process.env.VITE_HMR_PORT) : undefined,
    },
  },
})
