from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import TransactionRole
from .fragments import MoneyFields, PageInfoFields


class MyTransactions(BaseModel):
    my_transactions: "MyTransactionsMyTransactions" = Field(alias="myTransactions")


class MyTransactionsMyTransactions(BaseModel):
    total_count: int = Field(alias="totalCount")
    page_info: "MyTransactionsMyTransactionsPageInfo" = Field(alias="pageInfo")
    edges: list["MyTransactionsMyTransactionsEdges"]


MyTransactionsMyTransactionsPageInfo = PageInfoFields


class MyTransactionsMyTransactionsEdges(BaseModel):
    node: "MyTransactionsMyTransactionsEdgesNode"


class MyTransactionsMyTransactionsEdgesNode(BaseModel):
    id: str
    price: "MyTransactionsMyTransactionsEdgesNodePrice"
    started_at: datetime = Field(alias="startedAt")
    completed_at: datetime = Field(alias="completedAt")
    viewer_role: Optional[TransactionRole] = Field(alias="viewerRole")
    listing: Optional["MyTransactionsMyTransactionsEdgesNodeListing"]


MyTransactionsMyTransactionsEdgesNodePrice = MoneyFields


class MyTransactionsMyTransactionsEdgesNodeListing(BaseModel):
    id: str
    title: str


MyTransactions.model_rebuild()
MyTransactionsMyTransactions.model_rebuild()
MyTransactionsMyTransactionsEdges.model_rebuild()
MyTransactionsMyTransactionsEdgesNode.model_rebuild()
