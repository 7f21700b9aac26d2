import { useLocation, useNavigate } from "react-router-dom"
import { customerPath } from "./customer-cells"

/**
 * Takes the admin to a customer's page unless they are on it already: after a merge or a link, the
 * record whose page they were on may be gone, and the survivor's page shows the result.
 */
export const useGoToCustomer = () => {
  const navigate = useNavigate()
  const { pathname } = useLocation()

  return (customerId: string) => {
    const path = customerPath(customerId)
    if (pathname !== path && !pathname.startsWith(`${path}/`)) {
      navigate(path)
    }
  }
}
