import medusa from "@medusajs/eslint-plugin"

export default [
  {
    ignores: [
      "node_modules/**",
      ".medusa/**",
      ".data/**",
      ".artifacts/**",
      "coverage/**",
      "src/modules/*/migrations/**",
    ],
  },
  ...medusa.configs.recommended,
]
