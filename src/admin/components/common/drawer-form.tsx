import { Button, clx, Drawer, Heading, Hint } from "@medusajs/ui"
import type { BaseSyntheticEvent, ComponentType, ReactNode } from "react"
import { type TranslationKey, useTranslate } from "../../lib/i18n"

type FormDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: ReactNode
  titleClassName?: string
  /** Shown under the title (or only to screen readers, with `hideDescription`). */
  description?: string
  hideDescription?: boolean
  /** The form; mount it on `open` to start it afresh each time. */
  children: ReactNode
  "data-testid": string
}

/** A drawer with a title and a description, as the dashboard's drawer forms have them. */
export const FormDrawer = ({
  open,
  onOpenChange,
  title,
  titleClassName,
  description,
  hideDescription,
  children,
  "data-testid": testId,
}: FormDrawerProps) => (
  <Drawer open={open} onOpenChange={onOpenChange}>
    <Drawer.Content
      // Without a description, tell Radix there is none (it warns otherwise).
      {...(description === undefined ? { "aria-describedby": undefined } : {})}
      data-testid={testId}
    >
      <Drawer.Header>
        <Drawer.Title asChild>
          <Heading className={titleClassName}>{title}</Heading>
        </Drawer.Title>
        {description !== undefined && (
          <Drawer.Description
            className={hideDescription ? "sr-only" : "text-ui-fg-subtle"}
          >
            {description}
          </Drawer.Description>
        )}
      </Drawer.Header>
      {children}
    </Drawer.Content>
  </Drawer>
)

type FormDrawerOptions = {
  title: TranslationKey
  description?: TranslationKey
  hideDescription?: boolean
  /**
   * Keep the form on screen while the drawer slides shut; by default it goes at once. Either way
   * the drawer's content mounts afresh on every opening.
   */
  keepMounted?: boolean
  "data-testid": string
}

export type FormDrawerControl = {
  open: boolean
  onOpenChange: (open: boolean) => void
}

/**
 * A drawer around `Form`: the drawer takes the form's props plus `open` and `onOpenChange`, and
 * the form gets `onDone`, which closes the drawer (after a save).
 */
export const formDrawer = <TProps extends { onDone: () => void }>(
  Form: ComponentType<TProps>,
  {
    title,
    description,
    hideDescription,
    keepMounted,
    "data-testid": testId,
  }: FormDrawerOptions
) => {
  const FormInDrawer = ({
    open,
    onOpenChange,
    ...props
  }: Omit<TProps, "onDone"> & FormDrawerControl) => {
    const { t } = useTranslate()

    return (
      <FormDrawer
        open={open}
        onOpenChange={onOpenChange}
        title={t(title)}
        description={description && t(description)}
        hideDescription={hideDescription}
        data-testid={testId}
      >
        {(open || keepMounted) && (
          <Form
            {...(props as unknown as TProps)}
            onDone={() => onOpenChange(false)}
          />
        )}
      </FormDrawer>
    )
  }
  return FormInDrawer
}

type DrawerFormActionsProps = {
  cancelLabel: string
  submitLabel: string
  /** The form is being saved: cancel is disabled and submit spins. */
  isPending: boolean
  submitDisabled?: boolean
  /**
   * The test ids: `<prefix>-form`, `<prefix>-error`, `<prefix>-cancel` and `<prefix>-submit`,
   * unless one is given below.
   */
  testIdPrefix: string
  cancelTestId?: string
  submitTestId?: string
}

type DrawerFormProps = DrawerFormActionsProps & {
  /** react-hook-form's `handleSubmit(...)`. */
  onSubmit: (event?: BaseSyntheticEvent) => Promise<void>
  /** Cmd/Ctrl+Enter submits from any field too. */
  submitOnModEnter?: boolean
  /** Added to the body's classes. */
  bodyClassName?: string
  /** The save failed: shown at the end of the body. */
  serverError?: string | null
  /** Shown at the start of the footer, before cancel and submit. */
  footerStart?: ReactNode
  children: ReactNode
}

/** The form of a drawer: its fields in a scrolling body, then cancel (closes the drawer) and submit. */
export const DrawerForm = ({
  onSubmit,
  submitOnModEnter,
  bodyClassName,
  serverError,
  footerStart,
  children,
  cancelLabel,
  submitLabel,
  isPending,
  submitDisabled,
  testIdPrefix,
  cancelTestId = `${testIdPrefix}-cancel`,
  submitTestId = `${testIdPrefix}-submit`,
}: DrawerFormProps) => (
  <form
    onSubmit={onSubmit}
    onKeyDown={
      submitOnModEnter
        ? (event) => {
            if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
              event.preventDefault()
              onSubmit()
            }
          }
        : undefined
    }
    className="flex flex-1 flex-col overflow-hidden"
    data-testid={`${testIdPrefix}-form`}
    noValidate
  >
    <Drawer.Body
      className={clx("flex flex-col gap-y-6 overflow-y-auto", bodyClassName)}
    >
      {children}
      {serverError && (
        <Hint variant="error" data-testid={`${testIdPrefix}-error`}>
          {serverError}
        </Hint>
      )}
    </Drawer.Body>
    <Drawer.Footer className={footerStart ? "justify-between" : undefined}>
      {footerStart}
      <div className="flex items-center justify-end gap-x-2">
        <Drawer.Close asChild>
          <Button
            type="button"
            size="small"
            variant="secondary"
            disabled={isPending}
            data-testid={cancelTestId}
          >
            {cancelLabel}
          </Button>
        </Drawer.Close>
        <Button
          type="submit"
          size="small"
          variant="primary"
          isLoading={isPending}
          disabled={submitDisabled}
          data-testid={submitTestId}
        >
          {submitLabel}
        </Button>
      </div>
    </Drawer.Footer>
  </form>
)
