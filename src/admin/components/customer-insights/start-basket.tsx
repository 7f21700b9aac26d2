import { ShoppingCart } from "@medusajs/icons"
import { Button, Select } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Controller, useForm } from "react-hook-form"
import { useNavigate } from "react-router-dom"
import { useCrmSalesChannels } from "../../hooks/api/customer-profile"
import {
  useCrmStoreDefaultChannel,
  useStartBasket,
} from "../../hooks/api/insights"
import { useFormSave } from "../../hooks/use-form-save"
import { useTranslate } from "../../lib/i18n"
import { DrawerForm, FormDrawer } from "../common/drawer-form"
import { FormField } from "../common/form-field"

type StartBasketProps = {
  customerId: string
}

/** "Start basket": a draft order for the customer in a sales channel, opened on Medusa's page. */
export const StartBasket = ({ customerId }: StartBasketProps) => {
  const { t } = useTranslate()
  const [open, setOpen] = useState(false)

  return (
    <>
      <Button
        size="small"
        variant="secondary"
        onClick={() => setOpen(true)}
        data-testid="crm-start-basket"
      >
        <ShoppingCart />
        {t("insights.basket.button")}
      </Button>
      <FormDrawer
        open={open}
        onOpenChange={setOpen}
        title={t("insights.basket.title")}
        description={t("insights.basket.description")}
        data-testid="crm-start-basket-drawer"
      >
        {open && (
          <StartBasketForm
            customerId={customerId}
            onDone={() => setOpen(false)}
          />
        )}
      </FormDrawer>
    </>
  )
}

type StartBasketFormProps = StartBasketProps & {
  onDone: () => void
}

const StartBasketForm = ({ customerId, onDone }: StartBasketFormProps) => {
  const { t } = useTranslate()
  const navigate = useNavigate()
  const { sales_channels: allChannels, isPending: isChannelsPending } =
    useCrmSalesChannels()
  const { defaultSalesChannelId, isPending: isStorePending } =
    useCrmStoreDefaultChannel()
  const form = useForm<{ sales_channel_id: string }>({
    defaultValues: { sales_channel_id: "" },
  })
  const { dirtyFields } = form.formState
  const { mutateAsync, isPending } = useStartBasket(customerId)
  const { save, serverError } = useFormSave(mutateAsync)

  // Disabled channels take no orders; all are offered if every one is disabled.
  const enabled = (allChannels ?? []).filter(({ is_disabled }) => !is_disabled)
  const channels = enabled.length ? enabled : (allChannels ?? [])
  const isLoading = isChannelsPending || isStorePending
  const preferred =
    channels.find(({ id }) => id === defaultSalesChannelId)?.id ??
    channels[0]?.id

  // Start with the store's default channel (else the first) once both are known.
  useEffect(() => {
    if (!isLoading && preferred && !dirtyFields.sales_channel_id) {
      form.reset({ sales_channel_id: preferred })
    }
  }, [isLoading, preferred, dirtyFields.sales_channel_id, form])

  const handleSubmit = form.handleSubmit(async (values) => {
    await save(
      // Without a channel (none could be listed) the store's default is used.
      values.sales_channel_id
        ? { sales_channel_id: values.sales_channel_id }
        : {},
      {
        success: ({ draft_order }) =>
          t("insights.basket.started", { number: draft_order.display_id }),
        onSuccess: ({ draft_order }) => {
          onDone()
          navigate(`/draft-orders/${draft_order.id}`)
        },
      }
    )
  })

  return (
    <DrawerForm
      onSubmit={handleSubmit}
      serverError={serverError}
      cancelLabel={t("insights.cancel")}
      submitLabel={t("insights.basket.submit")}
      isPending={isPending}
      submitDisabled={isLoading}
      testIdPrefix="crm-start-basket"
    >
      <FormField
        id="crm-start-basket-channel"
        label={t("insights.basket.channel")}
        hint={t("insights.basket.channelHint")}
        data-testid="crm-start-basket-channel-field"
      >
        <Controller
          control={form.control}
          name="sales_channel_id"
          render={({ field }) => (
            <Select
              value={field.value || undefined}
              onValueChange={field.onChange}
              disabled={isLoading || !channels.length}
            >
              <Select.Trigger
                id="crm-start-basket-channel"
                ref={field.ref}
                onBlur={field.onBlur}
                data-testid="crm-start-basket-channel"
                data-value={field.value}
              >
                <Select.Value
                  placeholder={
                    isLoading
                      ? t("insights.basket.channelsLoading")
                      : channels.length
                        ? t("insights.basket.channelPlaceholder")
                        : t("insights.basket.storeDefault")
                  }
                />
              </Select.Trigger>
              <Select.Content>
                {channels.map((channel) => (
                  <Select.Item
                    key={channel.id}
                    value={channel.id}
                    data-testid="crm-start-basket-channel-option"
                    data-sales-channel-id={channel.id}
                  >
                    {channel.id === defaultSalesChannelId
                      ? t("insights.basket.defaultChannel", {
                          name: channel.name,
                        })
                      : channel.name}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          )}
        />
      </FormField>
    </DrawerForm>
  )
}
