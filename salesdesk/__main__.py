from salesdesk.cli import main

raise SystemExit(main())
