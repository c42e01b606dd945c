/** The columns of an action item, in the order the draft's table and Browse's table of open items show them. */
export const ACTION_ITEM_COLUMNS = ['#', 'Action', 'Owner', 'Due', 'Type', 'Ticket', 'Status'] as const;
