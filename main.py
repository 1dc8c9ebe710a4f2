from salesdesk.app import main

raise SystemExit(main())
