import { Button, FocusModal, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

type IdentityFocusModalProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** A `MergeModalLayout`. Radix unmounts it once closed, so it starts afresh each time. */
  children: ReactNode
  "data-testid": string
}

/** The full-screen modal of a merge or a link, as the dashboard's create forms are. */
export const IdentityFocusModal = ({
  open,
  onOpenChange,
  children,
  "data-testid": testId,
}: IdentityFocusModalProps) => (
  <FocusModal open={open} onOpenChange={onOpenChange}>
    <FocusModal.Content data-testid={testId}>{children}</FocusModal.Content>
  </FocusModal>
)

type MergeModalLayoutProps = {
  title: string
  description: string
  children: ReactNode
  cancelLabel: string
  confirmLabel: string
  onConfirm: () => void
  /** The merge is running: cancel is disabled and confirm spins. */
  isPending: boolean
  confirmDisabled: boolean
  cancelTestId: string
  confirmTestId: string
}

/** A merge modal's content: title and description over a centred column, then cancel and confirm. */
export const MergeModalLayout = ({
  title,
  description,
  children,
  cancelLabel,
  confirmLabel,
  onConfirm,
  isPending,
  confirmDisabled,
  cancelTestId,
  confirmTestId,
}: MergeModalLayoutProps) => (
  <>
    <FocusModal.Header />
    <FocusModal.Body className="flex flex-col items-center overflow-y-auto px-6 py-16">
      <div className="flex w-full max-w-[720px] flex-col gap-y-8">
        <div className="flex flex-col gap-y-1">
          <FocusModal.Title asChild>
            <Heading>{title}</Heading>
          </FocusModal.Title>
          <FocusModal.Description asChild>
            <Text size="small" className="text-ui-fg-subtle">
              {description}
            </Text>
          </FocusModal.Description>
        </div>
        {children}
      </div>
    </FocusModal.Body>
    <FocusModal.Footer>
      <FocusModal.Close asChild>
        <Button
          type="button"
          size="small"
          variant="secondary"
          disabled={isPending}
          data-testid={cancelTestId}
        >
          {cancelLabel}
        </Button>
      </FocusModal.Close>
      <Button
        type="button"
        size="small"
        variant="primary"
        isLoading={isPending}
        disabled={confirmDisabled}
        onClick={onConfirm}
        data-testid={confirmTestId}
      >
        {confirmLabel}
      </Button>
    </FocusModal.Footer>
  </>
)
