"""The customer record (客户档案): find a customer, see everything held about them, act on it."""
