import { clx, Container, Heading, Skeleton, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

type SkeletonsProps = {
  count: number
  className: string
}

/** `count` placeholders of one size, side by side in whatever holds them. */
export const Skeletons = ({ count, className }: SkeletonsProps) => (
  <>
    {Array.from({ length: count }).map((_, index) => (
      <Skeleton key={index} className={className} />
    ))}
  </>
)

type SectionsSkeletonProps = {
  /** How many rows each section has. */
  rows: number[]
  "data-testid": string
}

/** A page of detail sections loading: a title and label/value rows each. */
export const SectionsSkeleton = ({
  rows,
  "data-testid": testId,
}: SectionsSkeletonProps) => (
  <div className="flex flex-col gap-y-3" data-testid={testId}>
    {rows.map((count, index) => (
      <Container key={index} className="divide-y p-0">
        <div className="px-6 py-4">
          <Skeleton className="h-7 w-48" />
        </div>
        {Array.from({ length: count }).map((_, row) => (
          <div key={row} className="grid grid-cols-2 gap-4 px-6 py-4">
            <Skeleton className="h-4 w-24" />
            <Skeleton className="h-4 w-40" />
          </div>
        ))}
      </Container>
    ))}
  </div>
)

type PageErrorProps = {
  title: string
  description: string
  /** Actions under the description. */
  children?: ReactNode
  "data-testid": string
}

/** A page that could not load, in place of its sections. */
export const PageError = ({
  title,
  description,
  children,
  "data-testid": testId,
}: PageErrorProps) => (
  <Container
    className="flex flex-col items-center gap-y-3 px-6 py-10 text-center"
    data-testid={testId}
  >
    <Heading level="h2">{title}</Heading>
    <Text size="small" className="text-ui-fg-subtle">
      {description}
    </Text>
    {children}
  </Container>
)

type SectionErrorProps = {
  children: ReactNode
  "data-testid": string
}

/** A section (or tab) that could not load: the error in its body. */
export const SectionError = ({
  children,
  "data-testid": testId,
}: SectionErrorProps) => (
  <div className="px-6 py-4">
    <Text size="small" className="text-ui-fg-error" data-testid={testId}>
      {children}
    </Text>
  </div>
)

type EmptyStateProps = {
  title: string
  description: string
  /** Its vertical padding. */
  className?: string
  "data-testid": string
}

/** Nothing to list yet: a title and a hint, centred. */
export const EmptyState = ({
  title,
  description,
  className = "py-8",
  "data-testid": testId,
}: EmptyStateProps) => (
  <div
    className={clx(
      "flex flex-col items-center gap-y-1 px-6 text-center",
      className
    )}
    data-testid={testId}
  >
    <Text size="small" leading="compact" weight="plus">
      {title}
    </Text>
    <Text size="small" className="text-ui-fg-muted">
      {description}
    </Text>
  </div>
)
