import { EllipsisHorizontal } from "@medusajs/icons"
import { clx, DropdownMenu, IconButton } from "@medusajs/ui"
import { Fragment, type ReactNode, type SyntheticEvent } from "react"

export type ActionMenuAction = {
  icon: ReactNode
  label: string
  onClick: () => void
  disabled?: boolean
  "data-testid"?: string
}

type ActionMenuProps = {
  /** Groups of actions, with a separator between them; empty groups are left out. */
  groups: ActionMenuAction[][]
  /** The trigger's accessible name. */
  label: string
  disabled?: boolean
  /** The trigger's test id. */
  "data-testid": string
}

// Menus sit inside clickable table rows, and React events from their portal bubble through them:
// stop them here so that using a menu never "clicks" the row.
const stop = (event: SyntheticEvent) => event.stopPropagation()

/** The "…" menu of a row or a section, like the dashboard's ActionMenu. */
export const ActionMenu = ({
  groups,
  label,
  disabled,
  "data-testid": testId,
}: ActionMenuProps) => {
  const shown = groups.filter((group) => group.length > 0)

  return (
    // Not modal: a drawer it opens must not inherit a locked body.
    <DropdownMenu modal={false}>
      <DropdownMenu.Trigger asChild disabled={disabled} onClick={stop}>
        <IconButton
          size="small"
          variant="transparent"
          aria-label={label}
          data-testid={testId}
        >
          <EllipsisHorizontal />
        </IconButton>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="end" onClick={stop}>
        {shown.map((group, index) => (
          <Fragment key={index}>
            {index > 0 && <DropdownMenu.Separator />}
            <DropdownMenu.Group>
              {group.map((action) => (
                <DropdownMenu.Item
                  key={action.label}
                  disabled={action.disabled}
                  className={clx(
                    "[&_svg]:text-ui-fg-subtle flex items-center gap-x-2",
                    { "[&_svg]:text-ui-fg-disabled": action.disabled }
                  )}
                  onClick={(event) => {
                    stop(event)
                    action.onClick()
                  }}
                  data-testid={action["data-testid"]}
                >
                  {action.icon}
                  <span>{action.label}</span>
                </DropdownMenu.Item>
              ))}
            </DropdownMenu.Group>
          </Fragment>
        ))}
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}
