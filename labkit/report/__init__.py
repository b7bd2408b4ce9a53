"""Reports for the leader (module 6): daily issue report, telaah staf, monthly performance report."""
