// The admin reads the plugin's HTTP contract from the one shared place the routes use.
export * from "../../types/http"
