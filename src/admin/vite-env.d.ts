/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Where the admin extensions send API requests; the admin's own origin ("/") when unset. */
  readonly VITE_BACKEND_URL?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
